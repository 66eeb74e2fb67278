// Package dsapp picks the model and options of a client another package builds
// the request in.
package dsapp

import "dsclient"

func Run() error { // want Run:"deepseek:chat"
	c := dsclient.New("deepseek-chat", dsclient.Options{Temperature: 2.5, Label: "deepseek-chat"}) // want `model: model "deepseek-chat" was retired.*\(DS102\)` `temperature: 2\.5 is outside.*\(DS105\)`
	return c.Ask("hello")
}

func RunFlash() error { // want RunFlash:"deepseek:chat"
	return dsclient.New("deepseek-flash", dsclient.Options{Temperature: 0.3}).Ask("hello")
}
