import CGEOS

extension Geometry {
    public static func point(x: Double, y: Double, context: GEOSContext) -> Geometry {
        Geometry(owning: GEOSGeom_createPointFromXY_r(context.handle, x, y), context: context)
    }

    public static func rectangle(_ b: Bounds, context: GEOSContext) -> Geometry {
        Geometry(owning: GEOSGeom_createRectangle_r(context.handle, b.minX, b.minY, b.maxX, b.maxY),
                 context: context)
    }

    /// Reads ISO or extended WKB.
    public static func fromWKB(_ bytes: UnsafeRawBufferPointer, context: GEOSContext) throws -> Geometry {
        let reader = GEOSWKBReader_create_r(context.handle)
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let g = GEOSWKBReader_read_r(context.handle, reader, base, bytes.count) else {
            throw context.failure("reading WKB")
        }
        return Geometry(owning: g, context: context)
    }

    public static func fromWKT(_ wkt: String, context: GEOSContext) throws -> Geometry {
        let reader = GEOSWKTReader_create_r(context.handle)
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        guard let g = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw context.failure("reading WKT")
        }
        return Geometry(owning: g, context: context)
    }

    /// ISO WKB, little-endian, 2D.
    public func wkb() -> [UInt8] {
        let writer = GEOSWKBWriter_create_r(context.handle)
        defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
        GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
        GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        var size = 0
        guard let buffer = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else { return [] }
        defer { GEOSFree_r(context.handle, buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    public func wkt(precision: Int32 = 7) -> String {
        let writer = GEOSWKTWriter_create_r(context.handle)
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, precision)
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, handle) else { return "" }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }
}

extension Geometry {
    /// A two-point line between two points (e.g. a community and its facility).
    public static func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), context: GEOSContext) -> Geometry {
        let seq = GEOSCoordSeq_create_r(context.handle, 2, 2)!
        GEOSCoordSeq_setXY_r(context.handle, seq, 0, a.x, a.y)
        GEOSCoordSeq_setXY_r(context.handle, seq, 1, b.x, b.y)
        return Geometry(owning: GEOSGeom_createLineString_r(context.handle, seq), context: context)
    }
}
