package wire

import "encoding/json"

// AppendJSONString appends s as encoding/json writes a string (quoted, with
// its escapes, HTML characters escaped), for the few JSON-encoded strings
// that ACK nests in its answers (master_url, meta_data) and that a server
// writes on every read. A string of plain printable ASCII is written as
// it is; any other is left to encoding/json.
func AppendJSONString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string: cannot fail
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}
