package envelope_test

import (
	"fmt"
	"net/http"

	"github.com/ackgo/ack/internal/envelope"
)

// The request ID comes from the header when there is one, else from the
// body; an error body is read in either spelling of its keys.
func Example() {
	fmt.Println(envelope.RequestID(http.Header{}, []byte(`{"request_id":"R-1","cluster_id":"c-1"}`)))
	e, ok := envelope.DecodeError([]byte(`{"Code":"ErrorClusterNotFound","Message":"gone","RequestId":"R-2"}`))
	fmt.Println(ok, e.Code, e.Message, e.RequestID)
	// Output:
	// R-1
	// true ErrorClusterNotFound gone R-2
}
