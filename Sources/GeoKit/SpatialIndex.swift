import CGEOS

/// A GEOS STRtree over geometries 0..<n, built once and then only queried
/// (GEOS silently breaks a tree that is inserted into after its first query, so there is no insert).
/// Items are stored as index + 1 in the pointer bits; nearest uses the generic call
/// because `GEOSSTRtree_nearest_r` treats items as geometries and crashes on integers.
public final class SpatialIndex {
    public let geometries: [Geometry]
    let context: GEOSContext
    let tree: OpaquePointer

    public init(_ geometries: [Geometry], context: GEOSContext) {
        self.geometries = geometries
        self.context = context
        tree = GEOSSTRtree_create_r(context.handle, 10)
        for (i, g) in geometries.enumerated() {
            GEOSSTRtree_insert_r(context.handle, tree, g.handle, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, tree) }

    public var count: Int { geometries.count }

    /// Indices of the geometries whose envelope intersects `box`, ascending.
    public func query(_ box: Bounds) -> [Int] {
        guard !geometries.isEmpty else { return [] }
        let probe = Geometry.rectangle(box, context: context)
        let hits = HitList()
        let userdata = Unmanaged.passUnretained(hits).toOpaque()
        GEOSSTRtree_query_r(context.handle, tree, probe.handle, { item, userdata in
            guard let userdata else { return }
            let list = Unmanaged<HitList>.fromOpaque(userdata).takeUnretainedValue()
            list.items.append(Int(bitPattern: item) - 1)
        }, userdata)
        return hits.items.sorted()
    }

    /// The index whose `distance` is least, searching from `probe`'s envelope.
    /// `distance(i)` must be the true distance from the probe to geometry i.
    public func nearest(to probe: Geometry, distance: @escaping (Int) -> Double) -> Int? {
        guard !geometries.isEmpty else { return nil }
        let box = DistanceBox(distance)
        let userdata = Unmanaged.passUnretained(box).toOpaque()
        let result = GEOSSTRtree_nearest_generic_r(
            context.handle, tree, SpatialIndex.probeItem, probe.handle,
            { a, b, out, userdata in
                guard let userdata, let out else { return 0 }
                let box = Unmanaged<DistanceBox>.fromOpaque(userdata).takeUnretainedValue()
                // One side is the probe, the other a tree item; a tree item is index + 1.
                let item = UnsafeRawPointer(a) == UnsafeRawPointer(SpatialIndex.probeItem) ? b : a
                out.pointee = box.distance(Int(bitPattern: item) - 1)
                return 1
            }, userdata)
        withExtendedLifetime(box) {}
        guard let result, result != UnsafeRawPointer(SpatialIndex.probeItem) else { return nil }
        return Int(bitPattern: result) - 1
    }

    /// A pointer value no tree item can have.
    nonisolated(unsafe) static let probeItem = UnsafeMutableRawPointer(bitPattern: Int.max)!
}

private final class HitList { var items: [Int] = [] }

private final class DistanceBox {
    let distance: (Int) -> Double
    init(_ distance: @escaping (Int) -> Double) { self.distance = distance }
}
