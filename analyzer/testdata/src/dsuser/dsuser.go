// Package dsuser picks a per-call model that baseclient's ResolveModel hands to
// dsprovider's request.
package dsuser

import (
	"baseclient"
	"dsprovider"
)

func Reason(q string) error { // want Reason:"deepseek:chat"
	c := dsprovider.New(baseclient.Config{APIKey: "k"})
	return c.Chat(q, baseclient.Options{Model: "deepseek-reasoner"}) // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
}

// The per-call temperature, while thinking stays on by default: the whole body is
// checked with the caller's values.
func Warm(q string) error { // want Warm:"deepseek:chat"
	return dsprovider.New(baseclient.Config{APIKey: "k"}).Chat(q, baseclient.Options{Model: "deepseek-flash", Temperature: 0.3}) // want `temperature: DeepSeek ignores temperature in thinking mode.*built by \(\*dsprovider.Client\).Chat.*\(DS504\)`
}

func Fine(q string) error { // want Fine:"deepseek:chat"
	return dsprovider.New(baseclient.Config{APIKey: "k"}).Chat(q, baseclient.Options{Model: "deepseek-flash"})
}
