import CGEOS

/// Writes RFC 7946 GeoJSON: lon/lat in WGS 84, 7 decimals (about 1 cm), exterior rings
/// counter-clockwise and holes clockwise, one feature per line. The geometries must already be
/// in EPSG:4326.
public enum GeoJSONWriter {
    public static func text(_ layer: OutputLayer) -> String {
        var out = "{\"type\":\"FeatureCollection\",\"name\":"
        JSONFormat.appendString(layer.name, to: &out)
        out += ",\"features\":["
        for (row, values) in layer.rows.enumerated() {
            out += row == 0 ? "\n" : ",\n"
            out += "{\"type\":\"Feature\",\"properties\":{"
            for (i, field) in layer.fields.enumerated() {
                if i > 0 { out += "," }
                JSONFormat.appendString(field.name, to: &out)
                out += ":"
                values[i].write(into: &out, indent: nil, level: 0)
            }
            out += "},\"geometry\":"
            if let g = layer.geometries?[row] { appendGeometry(g, to: &out) } else { out += "null" }
            out += "}"
        }
        out += "\n]}\n"
        return out
    }

    static func appendGeometry(_ g: Geometry, to out: inout String) {
        let ctx = g.context.handle
        switch g.kind {
        case .point:
            out += "{\"type\":\"Point\",\"coordinates\":"
            if let p = g.xy { appendPosition(p.x, p.y, to: &out) } else { out += "[]" }
            out += "}"
        case .lineString, .linearRing:
            out += "{\"type\":\"LineString\",\"coordinates\":"
            appendPositions(coordinates(ctx, g.handle), to: &out)
            out += "}"
        case .polygon:
            out += "{\"type\":\"Polygon\",\"coordinates\":"
            appendPolygon(ctx, g.handle, to: &out)
            out += "}"
        case .multiPoint, .multiLineString, .multiPolygon:
            let name = g.kind == .multiPoint ? "MultiPoint" : g.kind == .multiLineString ? "MultiLineString" : "MultiPolygon"
            out += "{\"type\":\"\(name)\",\"coordinates\":["
            for i in 0..<GEOSGetNumGeometries_r(ctx, g.handle) {
                if i > 0 { out += "," }
                let part = GEOSGetGeometryN_r(ctx, g.handle, i)!
                switch g.kind {
                case .multiPolygon: appendPolygon(ctx, part, to: &out)
                case .multiPoint: appendPositions(coordinates(ctx, part), to: &out, bare: true)
                default: appendPositions(coordinates(ctx, part), to: &out)
                }
            }
            out += "]}"
        case .collection:
            out += "{\"type\":\"GeometryCollection\",\"geometries\":["
            for i in 0..<GEOSGetNumGeometries_r(ctx, g.handle) {
                if i > 0 { out += "," }
                let part = Geometry(owning: GEOSGeom_clone_r(ctx, GEOSGetGeometryN_r(ctx, g.handle, i)!), context: g.context)
                appendGeometry(part, to: &out)
            }
            out += "]}"
        }
    }

    private static func appendPolygon(_ ctx: GEOSContextHandle_t, _ poly: OpaquePointer, to out: inout String) {
        out += "["
        guard GEOSisEmpty_r(ctx, poly) == 0 else { out += "]"; return }
        let shell = coordinates(ctx, GEOSGetExteriorRing_r(ctx, poly)!)
        appendPositions(oriented(shell, counterClockwise: true), to: &out)
        for i in 0..<GEOSGetNumInteriorRings_r(ctx, poly) {
            out += ","
            let hole = coordinates(ctx, GEOSGetInteriorRingN_r(ctx, poly, i)!)
            appendPositions(oriented(hole, counterClockwise: false), to: &out)
        }
        out += "]"
    }

    /// Interleaved x, y of a point, line or ring.
    private static func coordinates(_ ctx: GEOSContextHandle_t, _ g: OpaquePointer) -> [Double] {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
        var n: UInt32 = 0
        GEOSCoordSeq_getSize_r(ctx, seq, &n)
        var buffer = [Double](repeating: 0, count: Int(n) * 2)
        GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buffer, 0, 0)
        return buffer
    }

    private static func oriented(_ ring: [Double], counterClockwise: Bool) -> [Double] {
        var twiceArea = 0.0
        var i = 0
        while i + 3 < ring.count {
            twiceArea += ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1]
            i += 2
        }
        guard (twiceArea > 0) != counterClockwise, twiceArea != 0 else { return ring }
        var reversed = [Double]()
        reversed.reserveCapacity(ring.count)
        var j = ring.count - 2
        while j >= 0 { reversed.append(ring[j]); reversed.append(ring[j + 1]); j -= 2 }
        return reversed
    }

    private static func appendPositions(_ xy: [Double], to out: inout String, bare: Bool = false) {
        if bare, xy.count >= 2 { appendPosition(xy[0], xy[1], to: &out); return }
        out += "["
        var i = 0
        while i + 1 < xy.count {
            if i > 0 { out += "," }
            appendPosition(xy[i], xy[i + 1], to: &out)
            i += 2
        }
        out += "]"
    }

    private static func appendPosition(_ x: Double, _ y: Double, to out: inout String) {
        out += "["
        out += fixed7(x)
        out += ","
        out += fixed7(y)
        out += "]"
    }

    /// `v` rounded to 7 decimals without trailing zeros; integer arithmetic, no locale.
    static func fixed7(_ v: Double) -> String {
        let scaled = (v * 1e7).rounded()
        guard scaled.isFinite, abs(scaled) < 9e18 else { return JSONFormat.number(v) }
        let n = Int64(scaled)
        let negative = n < 0
        let a = negative ? UInt64(-n) : UInt64(n)
        var whole = String(a / 10_000_000)
        var frac = a % 10_000_000
        if negative && a != 0 { whole = "-" + whole }
        guard frac != 0 else { return whole }
        var digits = 7
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        return whole + "." + String(repeating: "0", count: digits - f.count) + f
    }
}
