package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.AttributeList;
import org.clinval.imaging.dicom.write.ModelIdentity;

/** General and Enhanced General Equipment of derived objects: the model is the device. */
final class Equipment {

    static final String MANUFACTURER = "clinval";

    private Equipment() {}

    /**
     * Puts Manufacturer, Manufacturer's Model Name (the model's name), Device Serial Number (the
     * model file's SHA-256, which identifies this exact model) and Software Versions (its version).
     */
    static void put(AttributeList l, ModelIdentity m) {
        Attrs.put(l, "Manufacturer", MANUFACTURER);
        Attrs.put(l, "ManufacturerModelName", m.name());
        Attrs.put(l, "DeviceSerialNumber", m.sha256());
        Attrs.put(l, "SoftwareVersions", m.version());
    }
}
