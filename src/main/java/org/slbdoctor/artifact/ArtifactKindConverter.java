package org.slbdoctor.artifact;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a kind by its wire name ({@code iptables-save}), the name API.md and the UI use. */
@Converter
class ArtifactKindConverter implements AttributeConverter<ArtifactKind, String> {

    @Override
    public String convertToDatabaseColumn(ArtifactKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public ArtifactKind convertToEntityAttribute(String name) {
        return name == null ? null : ArtifactKind.fromWireName(name)
                .orElseThrow(() -> new IllegalStateException("unknown artifact kind in the database: " + name));
    }
}
