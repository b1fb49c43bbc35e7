import GeoKit

/// Population by community id from a CSV (`--population FILE --join-field F`).
struct PopulationTable {
    let path: String
    let values: [String: Double?]

    /// The key column is `joinField` if the CSV has it, else `id`, else the first column; the value
    /// column is the population field's name.
    init(path: String, joinField: String, valueField: FieldChoice, encoding: String?, log: RunLog, context: GEOSContext) throws {
        let layer = try readLayer(path, encoding: encoding, option: "--encoding", attributesOnly: true, log: log, context: context)
        guard !layer.features.isEmpty else { throw InputError("\(path): the table has no rows") }
        guard let key = layer.fieldIndex(joinField) ?? layer.fieldIndex("id") ?? (layer.fieldNames.isEmpty ? nil : 0) else {
            throw InputError("\(path): the table has no columns")
        }
        let value = try valueField.required(in: layer, option: "--population-field", why: "population")
        var values: [String: Double?] = [:]
        for f in layer.features {
            let id = f.values[key].text
            let label = "row \(f.index + 2) (id \"\(id)\")"
            guard !id.isEmpty else {
                throw InputError("\(path): row \(f.index + 2): column \"\(layer.fieldNames[key])\": the id is empty")
            }
            guard values[id] == nil else {
                throw InputError("\(path): \(label): id \"\(id)\" appears twice in column \"\(layer.fieldNames[key])\"")
            }
            values[id] = try nonNegativeNumber(f.values[value], file: path, feature: label, field: layer.fieldNames[value],
                                               rule: OptionRules.population)
        }
        self.path = path
        self.values = values
    }
}
