import GeoKit

/// Computed distances as an OD matrix for reuse (`--od-matrix-out`): CSV origin_id,destination_id,cost.
func odMatrixText(communities: [String], destinations: [(ids: [String], rows: [[(Int, Double)]])]) -> String {
    var lines: [[String]] = []
    for (i, id) in communities.enumerated() {
        for d in destinations {
            for (j, cost) in d.rows[i].sorted(by: { $0.0 < $1.0 }) { lines.append([id, d.ids[j], Rounded.text(cost, 1)]) }
        }
    }
    return CSVText.make(header: ["origin_id", "destination_id", "cost"], rows: lines, bom: false)
}
