package validate

// ComparePaths exposes the report's path order to the external tests.
var ComparePaths = comparePaths
