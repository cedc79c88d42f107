//go:build race

package main

// raceEnabled skips the load test under the race detector, which
// multiplies the time and memory that the test bounds.
const raceEnabled = true
