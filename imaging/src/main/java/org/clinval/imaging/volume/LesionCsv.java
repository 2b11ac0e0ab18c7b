package org.clinval.imaging.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.Vector3;

/**
 * Reads detection truth and results as CSV, the files as they come:
 *
 * <ul>
 *   <li>LUNA16 annotations {@code seriesuid,coordX,coordY,coordZ,diameter_mm};
 *   <li>the study's lesions {@code case_id,x,y,z,radius} (also {@code scan,...}, as the phantom
 *       writer names the first column), radius in mm;
 *   <li>LUNA16 results {@code seriesuid,coordX,coordY,coordZ,probability}.
 * </ul>
 *
 * Coordinates are taken as DICOM patient coordinates (LPS, mm) unchanged: LUNA16's world
 * coordinates are the physical space of its {@code .mhd} files, which ITK/SimpleITK define in LPS,
 * the same as DICOM's when the {@code .mhd} was converted from the DICOM series (see the README,
 * "LUNA16 coordinates"). A UTF-8 byte-order mark, CRLF line ends, spaces around values and blank
 * lines are accepted; anything else wrong fails naming the file's name, the line and the column.
 */
public final class LesionCsv {

    private static final List<String> LUNA_ANNOTATIONS =
            List.of("seriesuid", "coordx", "coordy", "coordz", "diameter_mm");
    private static final List<String> LUNA_RESULTS =
            List.of("seriesuid", "coordx", "coordy", "coordz", "probability");
    private static final List<String> LESIONS = List.of("case_id", "x", "y", "z", "radius");
    private static final List<String> PHANTOM_LESIONS = List.of("scan", "x", "y", "z", "radius");

    private LesionCsv() {}

    /**
     * Reads reference lesions from a LUNA16 annotations file or a {@code case_id,x,y,z,radius}
     * file, told apart by the header.
     *
     * @throws ImagingException naming the file, line and column of the first problem
     */
    public static List<ReferenceLesion> readLesions(Path file) throws ImagingException {
        List<String[]> rows = new ArrayList<>();
        List<String> header = read(file, rows);
        boolean luna = header.equals(LUNA_ANNOTATIONS);
        if (!luna && !header.equals(LESIONS) && !header.equals(PHANTOM_LESIONS)) {
            throw new ImagingException(
                    name(file)
                            + ": header is "
                            + String.join(",", header)
                            + "; expected seriesuid,coordX,coordY,coordZ,diameter_mm (LUNA16) or"
                            + " case_id,x,y,z,radius");
        }
        List<ReferenceLesion> out = new ArrayList<>();
        for (String[] r : rows) {
            int line = Integer.parseInt(r[5]);
            double size = number(file, line, header.get(4), r[4]);
            double diameter = luna ? size : 2 * size;
            if (!(diameter > 0)) {
                throw new ImagingException(
                        at(file, line, header.get(4)) + " is not positive: " + r[4]);
            }
            out.add(new ReferenceLesion(r[0], point(file, line, header, r), diameter));
        }
        return out;
    }

    /**
     * Reads scored points from a LUNA16 results file {@code
     * seriesuid,coordX,coordY,coordZ,probability}.
     *
     * @throws ImagingException naming the file, line and column of the first problem
     */
    public static List<ScoredPoint> readScoredPoints(Path file) throws ImagingException {
        List<String[]> rows = new ArrayList<>();
        List<String> header = read(file, rows);
        if (!header.equals(LUNA_RESULTS)) {
            throw new ImagingException(
                    name(file)
                            + ": header is "
                            + String.join(",", header)
                            + "; expected seriesuid,coordX,coordY,coordZ,probability (a LUNA16"
                            + " candidates file with a class column is a list of candidates, not"
                            + " results)");
        }
        List<ScoredPoint> out = new ArrayList<>();
        for (String[] r : rows) {
            int line = Integer.parseInt(r[5]);
            double p = number(file, line, "probability", r[4]);
            if (!(p >= 0 && p <= 1)) {
                throw new ImagingException(
                        at(file, line, "probability") + " is not in [0, 1]: " + r[4]);
            }
            out.add(new ScoredPoint(r[0], point(file, line, header, r), p));
        }
        return out;
    }

    /** Returns the lower-case header; fills {@code rows} with 5 values and the line number. */
    private static List<String> read(Path file, List<String[]> rows) throws ImagingException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImagingException(name(file) + ": cannot read: " + e.getMessage(), e);
        }
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0 && l.startsWith("\uFEFF")) l = l.substring(1);
            if (l.isBlank()) continue;
            String[] v = l.split(",", -1);
            for (int k = 0; k < v.length; k++) v[k] = v[k].strip();
            if (header == null) {
                header = Arrays.stream(v).map(s -> s.toLowerCase(Locale.ROOT)).toList();
                continue;
            }
            if (v.length != header.size()) {
                throw new ImagingException(
                        name(file)
                                + ": line "
                                + (i + 1)
                                + " has "
                                + v.length
                                + " values, the header "
                                + header.size());
            }
            if (v[0].isEmpty()) {
                throw new ImagingException(at(file, i + 1, header.get(0)) + " is empty");
            }
            String[] row = Arrays.copyOf(v, 6);
            row[5] = Integer.toString(i + 1);
            rows.add(row);
        }
        if (header == null) {
            throw new ImagingException(name(file) + ": is empty (no header)");
        }
        return header;
    }

    private static Vector3 point(Path file, int line, List<String> header, String[] r)
            throws ImagingException {
        return new Vector3(
                number(file, line, header.get(1), r[1]),
                number(file, line, header.get(2), r[2]),
                number(file, line, header.get(3), r[3]));
    }

    private static double number(Path file, int line, String column, String value)
            throws ImagingException {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ImagingException(
                at(file, line, column) + " is not a finite number: '" + value + "'");
    }

    private static String at(Path file, int line, String column) {
        return name(file) + ": line " + line + ", column " + column;
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? "lesion file" : n.toString();
    }
}
