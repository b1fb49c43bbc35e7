import CGEOS
import CPROJ

/// Transforms coordinates between two CRSs, always in x = easting/longitude, y = northing/latitude
/// order (PROJ's "normalised for visualisation"), which is the order GIS files store.
public final class Transformer {
    let context: PROJContext
    let pj: OpaquePointer
    public let source: String
    public let target: String

    public init(from source: CRS, to target: CRS) throws {
        let context = source.context
        guard let raw = proj_create_crs_to_crs_from_pj(context.handle, source.pj, target.pj, nil, nil) else {
            throw context.failure("no transformation from \(source.label) to \(target.label)")
        }
        defer { proj_destroy(raw) }
        guard let normalised = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.failure("no transformation from \(source.label) to \(target.label)")
        }
        self.context = context
        self.pj = normalised
        self.source = source.label
        self.target = target.label
    }

    deinit { proj_destroy(pj) }

    /// Nil where PROJ cannot transform the point (outside the CRS's area, say).
    public func transform(x: Double, y: Double) -> (x: Double, y: Double)? {
        let out = proj_trans(pj, PJ_FWD, proj_coord(x, y, 0, 0))
        guard out.xy.x.isFinite, out.xy.y.isFinite else { return nil }
        return (out.xy.x, out.xy.y)
    }
}

extension Geometry {
    /// This geometry with every vertex transformed. Throws when a vertex cannot be transformed.
    public func transformed(by transformer: Transformer) throws -> Geometry {
        let userdata = UnsafeMutableRawPointer(transformer.pj)
        let result = GEOSGeom_transformXY_r(context.handle, handle, { x, y, userdata in
            guard let x, let y, let userdata else { return 0 }
            let out = proj_trans(OpaquePointer(userdata), PJ_FWD, proj_coord(x.pointee, y.pointee, 0, 0))
            guard out.xy.x.isFinite, out.xy.y.isFinite else { return 0 }
            x.pointee = out.xy.x
            y.pointee = out.xy.y
            return 1
        }, userdata)
        withExtendedLifetime(transformer) {}
        guard let result else {
            throw GeoError("cannot transform coordinates from \(transformer.source) to \(transformer.target)")
        }
        return Geometry(owning: result, context: context)
    }
}

extension Geometry {
    /// This geometry with every coordinate multiplied by `factor` (a local grid's unit to metres).
    public func scaled(by factor: Double) throws -> Geometry {
        var f = factor
        let result = withUnsafeMutablePointer(to: &f) { userdata in
            GEOSGeom_transformXY_r(context.handle, handle, { x, y, userdata in
                guard let x, let y, let userdata else { return 0 }
                let f = userdata.load(as: Double.self)
                x.pointee *= f
                y.pointee *= f
                return 1
            }, userdata)
        }
        guard let result else { throw GeoError("cannot scale coordinates") }
        return Geometry(owning: result, context: context)
    }
}
