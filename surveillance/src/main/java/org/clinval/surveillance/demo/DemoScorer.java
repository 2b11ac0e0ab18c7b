package org.clinval.surveillance.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * Renders each planned case's phantom with its scanner profile and scores it with the model, on a
 * few threads with one predictor each. A case's phantom depends only on the seed, its scanner, its
 * truth and its index, so the scores do not depend on the threads' order.
 */
final class DemoScorer {

    /** Where a phantom that found no room for a nodule is drawn again (never seen so far). */
    private static final int RETRY_OFFSET = 10_000_000;

    private final ImageModel model;
    private final List<DemoPlan.Case> plan;
    private final int threads;
    private final DemoEventGenerator.ProgressListener progress;
    private final Map<SiteProfile, PhantomGenerator[]> generators = new HashMap<>();
    private final AtomicInteger done = new AtomicInteger();

    DemoScorer(
            ImageModel model,
            List<DemoPlan.Case> plan,
            DemoEventGenerator.Settings s,
            DemoEventGenerator.ProgressListener progress) {
        this.model = model;
        this.plan = plan;
        this.threads = s.threads();
        this.progress = progress;
        for (DemoPlan.Case c : plan) {
            generators.computeIfAbsent(c.profile(), p -> generators(s.seed(), p));
        }
    }

    /** Returns the scores of cases {@code from} to {@code to − 1}, in that order. */
    double[] score(int from, int to) {
        double[] scores = new double[to - from];
        if (to == from) return scores;
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "clinval-demo-scorer");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(
                        pool.submit(
                                () -> {
                                    try (ImagePredictor p = model.newPredictor()) {
                                        for (int i = next.getAndIncrement();
                                                i < to;
                                                i = next.getAndIncrement()) {
                                            DemoPlan.Case c = plan.get(i);
                                            PhantomCase phantom =
                                                    render(generators.get(c.profile()), c);
                                            scores[i - from] =
                                                    p.predict(ImageSlice.of(phantom.image(), 0))
                                                            .probability();
                                            progress.update(done.incrementAndGet(), plan.size());
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<Void> f : workers) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelRunException m) {
                throw new IllegalStateException("the classifier failed on a demo case: " + m, m);
            }
            throw new IllegalStateException("scoring the demo cases failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring the demo cases", e);
        } finally {
            pool.shutdownNow();
        }
        return scores;
    }

    /** A generator of negatives and one of positives for one scanner. */
    private static PhantomGenerator[] generators(long seed, SiteProfile profile) {
        PhantomGenerator[] g = new PhantomGenerator[2];
        for (int positive = 0; positive < 2; positive++) {
            g[positive] =
                    PhantomGenerator.builder()
                            .setSeed(seed)
                            .setSize(DemoEventGenerator.PHANTOM_SIZE)
                            .setPrevalence(positive)
                            .optSites(List.of(profile))
                            .build();
        }
        return g;
    }

    private static PhantomCase render(PhantomGenerator[] g, DemoPlan.Case c) {
        PhantomGenerator gen = g[c.positive() ? 1 : 0];
        try {
            return gen.generateCase(c.index());
        } catch (IllegalStateException noRoom) {
            return gen.generateCase(RETRY_OFFSET + c.index());
        }
    }
}
