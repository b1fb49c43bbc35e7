import CGEOS
import Foundation

/// The coordinate systems of Chinese web maps, which PROJ does not know: GCJ-02 (AMap/高德, Tencent/腾讯,
/// Google Maps in China) is WGS 84 with an obfuscating offset of 300–600 m; BD-09 (Baidu/百度) adds a
/// second offset on top of GCJ-02. Outside China GCJ-02 is WGS 84 unchanged, as the datum defines it.
public enum WebMapDatum: String, Sendable, CaseIterable {
    case gcj02
    case bd09

    /// WGS 84 lon/lat → this datum.
    public func forward(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        let g = WebMapDatum.wgsToGCJ(lon: lon, lat: lat)
        return self == .gcj02 ? g : WebMapDatum.gcjToBD(lon: g.lon, lat: g.lat)
    }

    /// This datum → WGS 84, by fixed-point iteration on `forward` (the offsets vary slowly, so each
    /// step shrinks the error about a thousandfold; stops below 1e-9 degrees, about 0.1 mm).
    public func inverse(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        var x = lon, y = lat
        for _ in 0..<30 {
            let f = forward(lon: x, lat: y)
            let dx = f.lon - lon, dy = f.lat - lat
            x -= dx
            y -= dy
            if abs(dx) < 1e-9 && abs(dy) < 1e-9 { break }
        }
        return (x, y)
    }

    /// The rectangle inside which GCJ-02 applies its offset (China's extent, roughly).
    public static func isInChina(lon: Double, lat: Double) -> Bool { inChina(lon: lon, lat: lat) }

    static func inChina(lon: Double, lat: Double) -> Bool {
        lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271
    }

    static func wgsToGCJ(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        guard inChina(lon: lon, lat: lat) else { return (lon, lat) }
        // Krasovsky 1940, the ellipsoid the offset is computed on.
        let a = 6378245.0, ee = 0.00669342162296594323
        let x = lon - 105, y = lat - 35
        var dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        dLat += (20 * sin(y * .pi) + 40 * sin(y / 3 * .pi)) * 2 / 3
        dLat += (160 * sin(y / 12 * .pi) + 320 * sin(y * .pi / 30)) * 2 / 3
        var dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20 * sin(6 * x * .pi) + 20 * sin(2 * x * .pi)) * 2 / 3
        dLon += (20 * sin(x * .pi) + 40 * sin(x / 3 * .pi)) * 2 / 3
        dLon += (150 * sin(x / 12 * .pi) + 300 * sin(x / 30 * .pi)) * 2 / 3
        let radLat = lat / 180 * .pi
        let s = sin(radLat)
        let magic = 1 - ee * s * s
        let sqrtMagic = magic.squareRoot()
        dLat = dLat * 180 / ((a * (1 - ee)) / (magic * sqrtMagic) * .pi)
        dLon = dLon * 180 / (a / sqrtMagic * cos(radLat) * .pi)
        return (lon + dLon, lat + dLat)
    }

    static func gcjToBD(lon: Double, lat: Double) -> (lon: Double, lat: Double) {
        let k = Double.pi * 3000 / 180
        let z = (lon * lon + lat * lat).squareRoot() + 0.00002 * sin(lat * k)
        let theta = atan2(lat, lon) + 0.000003 * cos(lon * k)
        return (z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }
}

extension Geometry {
    /// Every vertex moved from `datum` to WGS 84 lon/lat.
    public func fromWebMap(_ datum: WebMapDatum) throws -> Geometry {
        var code = datum == .gcj02 ? 0 : 1
        let result = withUnsafeMutablePointer(to: &code) { userdata in
            GEOSGeom_transformXY_r(context.handle, handle, { x, y, userdata in
                guard let x, let y, let userdata else { return 0 }
                let datum: WebMapDatum = userdata.load(as: Int.self) == 0 ? .gcj02 : .bd09
                guard x.pointee.isFinite, y.pointee.isFinite else { return 0 }
                let w = datum.inverse(lon: x.pointee, lat: y.pointee)
                x.pointee = w.lon
                y.pointee = w.lat
                return 1
            }, userdata)
        }
        guard let result else { throw GeoError("cannot convert coordinates from \(datum.rawValue) to WGS 84") }
        return Geometry(owning: result, context: context)
    }
}
