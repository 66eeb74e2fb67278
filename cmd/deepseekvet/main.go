// Command deepseekvet checks DeepSeek API request payloads in Go code.
//
//	deepseekvet [-format=text|json|sarif|github] [-fix [-diff]] [-severity=error] ./...
//	go vet -vettool=$(which deepseekvet) ./...
//	go fix -fixtool=$(which deepseekvet) ./...
//
// Under go vet and go fix (-flags, -V=full, a .cfg file) it speaks x/tools'
// protocol unchanged; otherwise it is the standalone driver of internal/driver.
// Rules: docs/rules.md; CI: docs/ci.md.
package main

import (
	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/internal/driver"
)

func main() { driver.Main(analyzer.Analyzer) }
