import GeoKit

/// Writes computed distances as an OD matrix for reuse (`--od-matrix-out`).
func writeODMatrix(_ path: String, communities: [String], destinations: [(ids: [String], rows: [[(Int, Double)]])]) throws {
    var lines: [[String]] = []
    for (i, id) in communities.enumerated() {
        for d in destinations {
            for (j, cost) in d.rows[i].sorted(by: { $0.0 < $1.0 }) { lines.append([id, d.ids[j], Rounded.text(cost, 1)]) }
        }
    }
    try AtomicFile.write(CSVText.make(header: ["origin_id", "destination_id", "cost"], rows: lines, bom: false), to: path)
}

