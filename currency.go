package ack

import (
	"errors"
	"fmt"
)

// Currency is an ISO 4217 currency code: three upper-case letters, such as
// CNY or USD. The empty Currency belongs only to the zero Money, which is
// an amount of nothing in no currency.
type Currency string

const (
	// CNY is the Chinese yuan (renminbi), the currency of the China site.
	CNY Currency = "CNY"
	// USD is the United States dollar, the currency of the international
	// site.
	USD Currency = "USD"
)

// ErrMoneySyntax is wrapped by every error that refuses a string as a money
// amount, a quantity or a currency code.
var ErrMoneySyntax = errors.New("invalid money syntax")

// ParseCurrency returns s as a Currency when it is three upper-case ASCII
// letters. It does not upper-case s for the caller ("cny" is refused) and
// does not look s up in the ISO 4217 list.
func ParseCurrency(s string) (Currency, error) {
	c := Currency(s)
	if err := c.Validate(); err != nil {
		return "", err
	}
	return c, nil
}

// Validate returns nil when c is three upper-case ASCII letters (A to Z),
// and otherwise an error that wraps ErrMoneySyntax and names c. The empty
// Currency is not valid.
func (c Currency) Validate() error {
	if len(c) == 3 && isUpper(c[0]) && isUpper(c[1]) && isUpper(c[2]) {
		return nil
	}
	return fmt.Errorf("currency %s: %w: want three upper-case letters, like CNY or USD", quoteInput(string(c)), ErrMoneySyntax)
}

// MinorPlaces is the number of decimal places of c's minor unit (fen for
// CNY, cents for USD): 2. Every currency ACK bills in has a minor unit of
// one hundredth; RoundToMinor rounds to it and String shows at least that
// many places.
func (c Currency) MinorPlaces() int { return 2 }

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// quoteInput quotes s for an error message, cutting it short when it is
// long: error messages name their input, but a megabyte of it helps nobody.
func quoteInput(s string) string {
	const limit = 64
	if len(s) <= limit {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q… (%d bytes)", s[:limit], len(s))
}
