import Foundation
import GeoKit

/// Feature ids from the id field, or the 1-based feature number when the layer has no id field.
/// Empty and duplicate ids are errors.
/// `option`: the option the field came from, for messages.
func featureIds(_ layer: VectorLayer, field: FieldChoice, role: LayerRole, option: String, log: RunLog) throws -> [String] {
    guard let idx = try field.index(in: layer, option: option) else {
        log.note("\(layer.path) (\(role.rawValue)): no field \(field.quoted); features are identified by their number "
                 + "(1, 2, ...); name the id field with \(option)")
        return layer.features.map { String($0.index + 1) }
    }
    let name = layer.fieldNames[idx]
    var firstSeen: [String: Int] = [:]
    var ids: [String] = []
    ids.reserveCapacity(layer.features.count)
    for f in layer.features {
        let id = f.values[idx].text.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { throw InputError("\(layer.path): feature #\(f.index + 1): field \"\(name)\": the id is empty") }
        if let first = firstSeen[id] {
            throw InputError("\(layer.path): feature #\(f.index + 1): field \"\(name)\": duplicate id \"\(id)\" (also feature #\(first + 1))")
        }
        firstSeen[id] = f.index
        ids.append(id)
    }
    return ids
}
