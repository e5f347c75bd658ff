package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
)

// Start the server on a free port, read its first line, stop it.
func Example() {
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, w, io.Discard); w.Close() }()
	line, _ := bufio.NewReader(out).ReadString('\n')
	fmt.Print(regexp.MustCompile(`:[0-9]+\n`).ReplaceAllString(line, ":PORT\n"))
	cancel()
	fmt.Println("stopped:", <-done)
	// Output:
	// ackfake listening on http://127.0.0.1:PORT
	// stopped: <nil>
}
