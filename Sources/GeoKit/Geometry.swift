import CGEOS

/// A GEOS geometry owned by Swift. It keeps its context alive and frees itself.
public final class Geometry {
    public let context: GEOSContext
    let handle: OpaquePointer

    /// Takes ownership of `handle`.
    init(owning handle: OpaquePointer, context: GEOSContext) {
        self.handle = handle
        self.context = context
    }

    deinit { GEOSGeom_destroy_r(context.handle, handle) }

    public enum Kind: Int32, Sendable, CustomStringConvertible {
        case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, collection

        /// The OGC name: "LineString", "MultiPolygon", ...
        public var description: String {
            ["Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
             "GeometryCollection"][Int(rawValue)]
        }
    }

    public var kind: Kind {
        Kind(rawValue: GEOSGeomTypeId_r(context.handle, handle)) ?? .collection
    }

    public var isPolygonal: Bool { kind == .polygon || kind == .multiPolygon }
    public var isPuntal: Bool { kind == .point || kind == .multiPoint }
    public var isLineal: Bool { kind == .lineString || kind == .linearRing || kind == .multiLineString }

    public var isEmpty: Bool { GEOSisEmpty_r(context.handle, handle) == 1 }

    public var isValid: Bool { GEOSisValid_r(context.handle, handle) == 1 }

    /// Why GEOS finds the geometry invalid, e.g. "Self-intersection[116.4 39.9]".
    public var invalidityReason: String {
        guard let text = GEOSisValidReason_r(context.handle, handle) else { return "unknown" }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    public var geometryCount: Int { Int(GEOSGetNumGeometries_r(context.handle, handle)) }

    /// x and y of a point; nil for any other kind or an empty point.
    public var xy: (x: Double, y: Double)? {
        guard kind == .point, !isEmpty else { return nil }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(context.handle, handle, &x) == 1,
              GEOSGeomGetY_r(context.handle, handle, &y) == 1 else { return nil }
        return (x, y)
    }

    public var bounds: Bounds {
        var b = Bounds(minX: 0, minY: 0, maxX: 0, maxY: 0)
        _ = GEOSGeom_getXMin_r(context.handle, handle, &b.minX)
        _ = GEOSGeom_getYMin_r(context.handle, handle, &b.minY)
        _ = GEOSGeom_getXMax_r(context.handle, handle, &b.maxX)
        _ = GEOSGeom_getYMax_r(context.handle, handle, &b.maxY)
        return b
    }

    public func clone() -> Geometry {
        Geometry(owning: GEOSGeom_clone_r(context.handle, handle), context: context)
    }
}

/// An axis-aligned box.
public struct Bounds: Sendable, Equatable {
    public var minX, minY, maxX, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }
    public var centre: (x: Double, y: Double) { ((minX + maxX) / 2, (minY + maxY) / 2) }
    public func union(_ o: Bounds) -> Bounds {
        Bounds(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
    }
    public func expanded(by d: Double) -> Bounds {
        Bounds(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
}
