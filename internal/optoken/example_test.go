package optoken_test

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/optoken"
)

// kind is the kind of the example's operations.
type kind string

// token is the example's token struct: the Header and an ID.
type token struct {
	optoken.Header[kind]
	ID string `json:"id"`
}

// A package writes a token and reads it back; a token of another
// package's kind is refused.
func Example() {
	format := optoken.Format[kind]{Subject: "widget", Kinds: []kind{"widget.create", "widget.delete"}}

	s, err := format.Encode(&token{Header: optoken.NewHeader[kind]("widget.create"), ID: "w-1"})
	fmt.Println(s, err)

	var back token
	err = format.Decode(s, &back)
	fmt.Println(back.Version, back.Kind, back.ID, err)

	var other token
	err = format.Decode("eyJ2IjoxLCJraW5kIjoiZ2FkZ2V0LmNyZWF0ZSIsImlkIjoiZy0xIn0", &other)
	fmt.Println(err, errors.Is(err, ack.ErrInvalid))
	// Output:
	// eyJ2IjoxLCJraW5kIjoid2lkZ2V0LmNyZWF0ZSIsImlkIjoidy0xIn0 <nil>
	// 1 widget.create w-1 <nil>
	// widget resume token: kind "gadget.create" is not a widget operation (widget.create, widget.delete): invalid request true
}
