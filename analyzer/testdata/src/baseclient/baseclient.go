// Package baseclient is the provider-neutral core several provider packages
// build on: it resolves the model from the options or from the config each
// provider fills, and knows each provider's default model.
package baseclient

import "net/http"

type Config struct {
	APIKey      string
	Model       string
	BaseURL     string
	Temperature float64
}

type Options struct {
	Model       string
	Temperature float64
}

type BaseClient struct {
	config Config
	HTTP   *http.Client
}

func New(config Config) *BaseClient { return &BaseClient{config: config, HTTP: &http.Client{}} }

func (c *BaseClient) Config() Config { return c.config }

// ResolveModel returns the model from the options if set, else from the config.
func (c *BaseClient) ResolveModel(opts Options) string { // want ResolveModel:"returns:field .*"
	if opts.Model != "" {
		return opts.Model
	}
	return c.config.Model
}

// ResolveTemperature returns the temperature from the options, else the config's.
func (c *BaseClient) ResolveTemperature(opts Options) float64 { // want ResolveTemperature:"returns:field .*,param 0.Temperature"
	if opts.Temperature != 0 {
		return opts.Temperature
	}
	return c.config.Temperature
}

// DefaultModel is each provider's default.
func DefaultModel(provider string) string { // want DefaultModel:"returns:deepseek-chat,qwen-plus,gpt-4o"
	switch provider {
	case "deepseek":
		return "deepseek-chat"
	case "dashscope":
		return "qwen-plus"
	case "openai":
		return "gpt-4o"
	}
	return ""
}

// DefaultMaxTokens is each provider's cap: a number of one provider among several,
// which an importer's request for DeepSeek does not get as a candidate.
func DefaultMaxTokens(provider string) int {
	switch provider {
	case "deepseek":
		return 8192
	case "gemini":
		return 400000
	}
	return 0
}

// BaseURL is where the provider sends.
func (c *BaseClient) BaseURL() string { return c.config.BaseURL } // want BaseURL:"returns:field .*"

// Describe names a value for logs: constants without DeepSeek's name, no fact.
func Describe(n int) string {
	if n > 1 {
		return "many"
	}
	return "one"
}
