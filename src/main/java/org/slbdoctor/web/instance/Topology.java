package org.slbdoctor.web.instance;

import java.util.List;

/**
 * The picture of an instance's traffic path as boxes and connectors in SVG user units, ready for
 * the {@code instances/topology} fragment. Texts are raw (the template escapes them); numbers and
 * CSS classes are the only things computed here that reach attributes unescaped.
 *
 * @param description one sentence for screen readers (what the picture shows, and what is wrong)
 */
public record Topology(int width, int height, List<Node> nodes, List<Edge> edges, String description,
        int hiddenListeners, int hiddenBackends) {

    /**
     * A box. {@code label} and {@code detail} are shortened to fit; {@code tooltip} holds the full
     * texts. {@code css} is {@code topo-<state>} ({@code normal}, {@code abnormal}, {@code unavailable},
     * {@code unknown}, {@code neutral}, {@code stopped}, {@code summary}).
     */
    public record Node(String kind, int x, int y, int w, int h, String label, String detail, String tooltip,
            String css) {

        public int textX() {
            return x + 10;
        }

        public int labelY() {
            return detail == null || detail.isEmpty() ? y + h / 2 + 5 : y + h / 2 - 3;
        }

        public int detailY() {
            return y + h / 2 + 13;
        }
    }

    /** A connector drawn as a cubic curve from the right side of one box to the left side of another. */
    public record Edge(int x1, int y1, int x2, int y2, String css) {

        public String path() {
            int mid = (x1 + x2) / 2;
            return "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2;
        }
    }
}
