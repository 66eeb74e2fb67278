// Package scanlib asks whichever provider its caller names: the caller passes // want package:`bodies:scanlib.Scan@importer's destination`
// the model and the full URL.
package scanlib

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type request struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature,omitempty"`
}

// Scan sends one prompt to the given chat completions URL.
func Scan(model, url, prompt string) error {
	body, err := json.Marshal(request{Model: model, Messages: []message{{Role: "user", Content: prompt}}, Temperature: 0.2})
	if err != nil {
		return err
	}
	return post(body, url)
}

// post is the package's one way out: it sends to the URL it is given.
func post(body []byte, url string) error {
	_, err := http.Post(url, "application/json", bytes.NewReader(body))
	return err
}
