package org.clinval.workflows.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;

/**
 * What the site key signs: a JSON array whose first member names the kind of record (and its
 * version), followed by the record's fields in a fixed order. The kind keeps a signature of one
 * record from being presented as another's (a head's as a checkpoint's, an entry of the user
 * administration log as an entry of a run); the JSON array keeps fields from running into each
 * other whatever they contain.
 */
public final class SignedPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedPayload() {}

    /** Returns the text signed for a record of {@code kind} with {@code fields}. */
    public static String of(String kind, Object... fields) {
        ArrayNode a = JSON.createArrayNode();
        a.add(kind);
        for (Object f : fields) {
            if (f == null) a.addNull();
            else if (f instanceof Long l) a.add(l);
            else if (f instanceof Integer i) a.add(i.longValue());
            else a.add(f.toString());
        }
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a signed payload", e);
        }
    }

    /** Signs the record: returns the base64 signature of {@link #of}. */
    public static String sign(SiteKey key, String kind, Object... fields) {
        return key.sign(of(kind, fields));
    }

    /** Returns whether {@code signature} is {@code key}'s signature of the record. */
    public static boolean verifies(
            PublicSiteKey key, String signature, String kind, Object... fields) {
        return key.verify(of(kind, fields), signature);
    }
}
