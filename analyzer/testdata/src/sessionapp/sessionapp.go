// Package sessionapp resumes a saved session against DeepSeek.
package sessionapp

import (
	"bytes"
	"encoding/json"
	"net/http"

	"sessions"
)

type chatRequest struct { // want chatRequest:"deepseek:chat"
	Model    string             `json:"model"`
	Messages []sessions.Message `json:"messages"`
}

func Resume(path, q string) error { // want Resume:"deepseek:chat"
	s, err := sessions.Load(path)
	if err != nil {
		return err
	}
	msgs := append(s.Messages, sessions.Message{Role: "user", Content: q})
	body, _ := json.Marshal(chatRequest{Model: s.Model, Messages: msgs}) // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	_, err = http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// A chat turn keeps the session it records into: the session is only read and
// saved through the turn, never sent, though the same function calls DeepSeek.
type turn struct {
	sess *sessions.Session
	q    string
}

func (t *turn) run() error {
	msgs := []sessions.Message{{Role: "user", Content: t.q}}
	if t.sess != nil {
		msgs = append(t.sess.Messages, msgs...)
	}
	body, _ := json.Marshal(chatRequest{Model: "deepseek-flash", Messages: msgs})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	if t.sess != nil {
		t.sess.Messages = msgs
	}
	return err
}

func Fresh(q string) error { // want Fresh:"deepseek:chat"
	sess := &sessions.Session{Temperature: 1}
	t := &turn{sess: sess, q: q}
	return t.run()
}

// A request parked in a field and sent from there is still sent.
type pending struct{ req chatRequest }

func Queue() error { // want Queue:"deepseek:chat"
	req := chatRequest{Model: "deepseek-chat", Messages: []sessions.Message{{Role: "user", Content: "hi"}}} // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	p := &pending{req: req}
	return p.flush()
}

func (p *pending) flush() error {
	body, _ := json.Marshal(p.req)
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// A new session replaces the turn's: still only read and saved.
func (t *turn) reset() error {
	t.sess = &sessions.Session{MaxCompletionTokens: 10}
	return t.run()
}
