import ArgumentParser
@main struct CareSite: ParsableCommand {}
