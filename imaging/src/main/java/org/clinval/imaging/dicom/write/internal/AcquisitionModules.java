package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.put;

import com.pixelmed.dicom.AttributeList;
import org.clinval.imaging.dicom.write.AcquisitionSeries;

/** Modules every acquired image of a phantom study shares: patient, study, series, equipment. */
final class AcquisitionModules {

    private AcquisitionModules() {}

    /**
     * Puts Patient, General Study, General Series (with {@code modality}) and General Equipment.
     */
    static void putSeriesEquipment(AttributeList l, AcquisitionSeries s, String modality) {
        CtEncoder.putPatientStudy(l, s.study());
        s.identifying().ifPresent(d -> CtEncoder.putIdentifying(l, d));
        put(l, "Modality", modality);
        put(l, "SeriesInstanceUID", s.seriesInstanceUid());
        put(l, "SeriesNumber", s.seriesNumber());
        put(l, "Manufacturer", s.manufacturer());
        if (!s.modelName().isEmpty()) put(l, "ManufacturerModelName", s.modelName());
        if (!s.stationName().isEmpty()) put(l, "StationName", s.stationName());
    }
}
