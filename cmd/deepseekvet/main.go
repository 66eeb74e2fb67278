// Command deepseekvet checks DeepSeek API request payloads in Go code.
//
//	deepseekvet [-format=text|json|sarif|github] [-fix] [-severity=error] ./...
//	go vet -vettool=$(which deepseekvet) ./...
//	go fix -fixtool=$(which deepseekvet) ./...
package main

import (
	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/internal/driver"
)

func main() { driver.Main(analyzer.Analyzer) }
