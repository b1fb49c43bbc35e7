/// A binary max-heap of (key, item); ties go to the smaller item, so the order is deterministic.
struct MaxHeap {
    private var keys: [Double] = []
    private var items: [Int] = []

    var isEmpty: Bool { keys.isEmpty }
    var top: (key: Double, item: Int)? { keys.isEmpty ? nil : (keys[0], items[0]) }

    private func above(_ a: Int, _ b: Int) -> Bool {
        keys[a] > keys[b] || (keys[a] == keys[b] && items[a] < items[b])
    }

    mutating func push(_ key: Double, _ item: Int) {
        keys.append(key); items.append(item)
        var c = keys.count - 1
        while c > 0 {
            let p = (c - 1) / 2
            guard above(c, p) else { break }
            keys.swapAt(c, p); items.swapAt(c, p); c = p
        }
    }

    mutating func pop() -> (key: Double, item: Int)? {
        guard let t = top else { return nil }
        let last = keys.count - 1
        keys.swapAt(0, last); items.swapAt(0, last)
        keys.removeLast(); items.removeLast()
        var p = 0
        while true {
            let l = 2 * p + 1, r = l + 1
            var best = p
            if l < keys.count, above(l, best) { best = l }
            if r < keys.count, above(r, best) { best = r }
            if best == p { break }
            keys.swapAt(p, best); items.swapAt(p, best); p = best
        }
        return t
    }
}
