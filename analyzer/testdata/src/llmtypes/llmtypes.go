// Package llmtypes holds a provider-neutral request that provider packages copy
// into their own wire format.
package llmtypes

type Request struct {
	Model  string
	Prompt string
}
