package fake

import (
	"os"
	"strings"
	"testing"
)

// TestControlEndpointsDocumented keeps the documentation of the control
// endpoints in step with the ones the fake serves: ackfake's doc.go
// shows each with a curl example, and the README and Server's doc name
// each.
func TestControlEndpointsDocumented(t *testing.T) {
	docs := map[string]string{"cmd/ackfake/doc.go": "", "../README.md": "", "server.go": ""}
	for path := range docs {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		docs[path] = string(b)
	}
	for _, route := range controlRoutes {
		path := controlPrefix + strings.TrimSuffix(route.name, "{id}")
		for file, text := range docs {
			if !strings.Contains(text, path) {
				t.Errorf("%s does not document %s", file, path)
			}
		}
		if !curlShows(docs["cmd/ackfake/doc.go"], path) {
			t.Errorf("cmd/ackfake/doc.go has no curl example of %s", path)
		}
	}
}

// curlShows reports whether a curl command line of text, or the line it
// continues onto, names path.
func curlShows(text, path string) bool {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "curl ") {
			continue
		}
		for j := i; j < len(lines) && j < i+4; j++ {
			if strings.Contains(lines[j], path) {
				return true
			}
			if !strings.HasSuffix(strings.TrimSpace(lines[j]), "\\") {
				break
			}
		}
	}
	return false
}
