// Package envclient sends what envconfig loads: its defaults reach the request. // want package:`bodies:\(\*envclient.Provider\).Chat@chat`
package envclient

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"

	"envconfig"
)

type Provider struct{ endpoint, model string }

func New(cfg *envconfig.Config) *Provider { // want New:"deepseek:chat" New:"sinks:0.Model:model@chat"
	return &Provider{endpoint: cfg.Endpoint, model: cfg.Model} // want `model: model "deepseek-chat" was retired.*\(DS102\)`
}

type request struct { // want request:"deepseek:chat"
	Model    string              `json:"model"`
	Messages []map[string]string `json:"messages"`
}

func (p *Provider) Chat(q string) error { // want Chat:"deepseek:chat"
	body, _ := json.Marshal(request{Model: p.model, Messages: []map[string]string{{"role": "user", "content": q}}})
	_, err := http.Post(fmt.Sprintf("%s/chat/completions", p.endpoint), "application/json", bytes.NewReader(body))
	return err
}
