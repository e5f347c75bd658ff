package ack

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
)

// approxPlaces is how many decimal places String shows of an amount whose
// decimal does not terminate.
const approxPlaces = 10

// ParseMoney returns the amount written in amount, of currency c:
// ParseMoney("0.00000613", CNY).
//
// amount is a plain decimal: an optional '-', one or more digits, and
// optionally a '.' followed by one or more digits ("12.34", "-0.5", "7",
// "0.000049"). Anything else is refused, so that no amount is ever
// guessed: a leading '+', an exponent ("1e3"), hex ("0x10"), underscores,
// spaces, "NaN", "Inf", ".5", "5." and "". The error wraps ErrMoneySyntax
// and names the input.
//
// To read the "12.34 CNY" form that String and MarshalText write, use
// UnmarshalText.
func ParseMoney(amount string, c Currency) (Money, error) {
	if err := c.Validate(); err != nil {
		return Money{}, fmt.Errorf("parse money %s: %w", quoteInput(amount), err)
	}
	r, err := parseDecimal(amount)
	if err != nil {
		return Money{}, fmt.Errorf("parse money %s: %w: %s", quoteInput(amount), ErrMoneySyntax, err)
	}
	return Money{cur: c, amt: r}, nil
}

// MustMoney is ParseMoney for literals in tests, examples and price tables
// fixed at compile time: it panics where ParseMoney returns an error.
func MustMoney(amount string, c Currency) Money {
	m, err := ParseMoney(amount, c)
	if err != nil {
		panic("ack: MustMoney: " + err.Error())
	}
	return m
}

// Terminates reports whether m's amount is a terminating decimal (its
// reduced denominator has no prime factor but 2 and 5). Every amount
// ParseMoney returns terminates; a quotient such as 0.407699/3600 does not.
func (m Money) Terminates() bool { return decimalPlaces(m.rat()) >= 0 }

// Decimal returns m's amount rounded half away from zero to places decimal
// places, with exactly that many places and no currency: "0.44" for
// 0.441072 CNY and places 2. A negative places rounds to tens, hundreds, ...
// and shows no places.
func (m Money) Decimal(places int) string {
	return formatFixed(roundRat(m.rat(), places), max(places, 0))
}

// String returns m for people: the amount, a space and the currency, like
// "0.441072 CNY" or "1.50 CNY". A terminating amount is shown exactly, with
// as many places as it needs but at least the currency's minor places. An
// amount that does not terminate is shown rounded half away from zero to
// ten places after a '~', like "~0.0001132497 CNY"; that form is not
// exact, and UnmarshalText refuses it (MarshalText writes the exact
// fraction instead). The zero value is "0.00".
func (m Money) String() string {
	r := m.rat()
	amount := ""
	if decimalPlaces(r) >= 0 {
		amount = m.exactDecimal()
	} else {
		amount = "~" + m.Decimal(approxPlaces)
	}
	if m.cur == "" {
		return amount
	}
	return amount + " " + string(m.cur)
}

// MarshalText writes m exactly, as the amount, a space and the currency:
// "12.34 CNY". A terminating amount is written as String writes it; one
// that does not terminate is written as its reduced fraction, like
// "407699/3600000000 CNY". The zero value is "0.00". UnmarshalText reads
// every form MarshalText writes back to an Equal Money.
func (m Money) MarshalText() ([]byte, error) {
	amount := m.exactText()
	if m.cur == "" {
		return []byte(amount), nil
	}
	return []byte(amount + " " + string(m.cur)), nil
}

// UnmarshalText reads the form MarshalText writes: an amount, one space and
// a currency ("12.34 CNY", "-0.5 USD", "407699/3600000000 CNY"), or an amount
// alone when it is zero ("0.00"), which is the zero value. The amount is a
// decimal in ParseMoney's syntax, or an exact fraction: an optional '-',
// digits, '/', digits, the denominator not zero. The error wraps
// ErrMoneySyntax and names the input; m is changed only on success.
func (m *Money) UnmarshalText(text []byte) error {
	s := string(text)
	amount, cur, hasCur := strings.Cut(s, " ")
	r, err := parseExact(amount)
	if err != nil {
		return fmt.Errorf("parse money %s: %w: %s", quoteInput(s), ErrMoneySyntax, err)
	}
	if !hasCur {
		if r.Sign() != 0 {
			return fmt.Errorf("parse money %s: %w: an amount that is not zero needs a currency, like \"%s CNY\"", quoteInput(s), ErrMoneySyntax, amount)
		}
		*m = Money{}
		return nil
	}
	c, err := ParseCurrency(cur)
	if err != nil {
		return fmt.Errorf("parse money %s: %w", quoteInput(s), err)
	}
	*m = Money{cur: c, amt: r}
	return nil
}

// moneyJSON is Money's JSON shape.
type moneyJSON struct {
	Amount   string   `json:"amount"`
	Currency Currency `json:"currency"`
}

// MarshalJSON writes m as {"amount":"12.34","currency":"CNY"}. The amount
// is a string, never a JSON number (which most decoders read as a float),
// in MarshalText's exact form: a decimal, or a fraction "a/b" when the
// amount does not terminate. The zero value is
// {"amount":"0.00","currency":""}.
func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(moneyJSON{Amount: m.exactText(), Currency: m.cur})
}

// UnmarshalJSON reads what MarshalJSON writes. "amount" is required and
// must be a string, in UnmarshalText's syntax for an amount; "currency" is
// required unless the amount is zero (then the result is the zero value).
// JSON null leaves m unchanged. The error wraps ErrMoneySyntax when the
// amount or currency is refused; m is changed only on success.
func (m *Money) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var raw struct {
		Amount   json.RawMessage `json:"amount"`
		Currency *string         `json:"currency"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("decode money JSON: %w", err)
	}
	if len(raw.Amount) == 0 || raw.Amount[0] != '"' {
		return fmt.Errorf("decode money JSON: %w: \"amount\" must be a string, like \"12.34\"", ErrMoneySyntax)
	}
	var amount string
	if err := json.Unmarshal(raw.Amount, &amount); err != nil {
		return fmt.Errorf("decode money JSON: amount: %w", err)
	}
	r, err := parseExact(amount)
	if err != nil {
		return fmt.Errorf("decode money JSON: amount %s: %w: %s", quoteInput(amount), ErrMoneySyntax, err)
	}
	if raw.Currency == nil || *raw.Currency == "" {
		if r.Sign() != 0 {
			return fmt.Errorf("decode money JSON: amount %s: %w: an amount that is not zero needs a currency", quoteInput(amount), ErrMoneySyntax)
		}
		*m = Money{}
		return nil
	}
	c, err := ParseCurrency(*raw.Currency)
	if err != nil {
		return fmt.Errorf("decode money JSON: %w", err)
	}
	*m = Money{cur: c, amt: r}
	return nil
}

// exactDecimal returns m's terminating amount as a decimal with as many
// places as it needs, and at least the currency's minor places.
func (m Money) exactDecimal() string {
	r := m.rat()
	return formatFixed(r, max(decimalPlaces(r), m.cur.MinorPlaces()))
}

// Exact writes m's amount exactly, without its currency: a decimal when it
// terminates ("0.00000613"), else a reduced fraction ("407699/3600000000"),
// as MarshalText writes it before the currency.
func (m Money) Exact() string { return m.exactText() }

// exactText returns m's amount exactly: a decimal when it terminates, its
// reduced fraction otherwise.
func (m Money) exactText() string {
	r := m.rat()
	if decimalPlaces(r) >= 0 {
		return m.exactDecimal()
	}
	return r.String() // "a/b", reduced, the sign on a
}

// formatFixed writes x, which times 10^places must be an integer, with
// exactly places decimal places (places >= 0).
func formatFixed(x *big.Rat, places int) string {
	n := new(big.Rat).Mul(x, pow10(places))
	digits := new(big.Int).Abs(n.Num()).String()
	if places > 0 {
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if n.Sign() < 0 {
		return "-" + digits
	}
	return digits
}

// decimalPlaces returns the number of places of x's exact decimal (0 for an
// integer), or -1 when it does not terminate. x is only read.
func decimalPlaces(x *big.Rat) int {
	d := new(big.Int).Set(x.Denom())
	twos := d.TrailingZeroBits()
	d.Rsh(d, twos)
	fives, ok := powerOfFive(d)
	if !ok {
		return -1
	}
	return int(max(twos, fives))
}

// powerOfFive returns k when d == 5^k. 5^k has floor(k·log2 5)+1 bits, so
// the bit length of d pins k down to within one; each candidate is checked
// exactly, which keeps this fast for the long denominators that untrusted
// input can bring, where dividing by 5 one step at a time would not be.
func powerOfFive(d *big.Int) (uint, bool) {
	if d.Sign() <= 0 {
		return 0, false
	}
	guess := int64(float64(d.BitLen()-1) / math.Log2(5)) // an estimate only
	five := big.NewInt(5)
	for k := max(guess-1, 0); k <= guess+1; k++ {
		if new(big.Int).Exp(five, big.NewInt(k), nil).Cmp(d) == 0 {
			return uint(k), true
		}
	}
	return 0, false
}

// parseDecimal reads s in ParseMoney's syntax. Its error says what is wrong
// with s, without naming it; callers name the input.
func parseDecimal(s string) (*big.Rat, error) {
	if err := checkDecimal(s); err != nil {
		return nil, err
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok { // checkDecimal admits only what SetString reads
		return nil, errors.New("not a decimal")
	}
	return r, nil
}

// parseExact reads a decimal in ParseMoney's syntax, or a fraction: an
// optional '-', digits, '/', digits, the denominator not zero.
func parseExact(s string) (*big.Rat, error) {
	num, den, isFrac := strings.Cut(s, "/")
	if !isFrac {
		return parseDecimal(s)
	}
	if err := checkDigits(strings.TrimPrefix(num, "-"), "numerator"); err != nil {
		return nil, err
	}
	if err := checkDigits(den, "denominator"); err != nil {
		return nil, err
	}
	if strings.Trim(den, "0") == "" {
		return nil, errors.New("the denominator is zero")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, errors.New("not a fraction")
	}
	return r, nil
}

// checkDecimal accepts -?[0-9]+(\.[0-9]+)? and says what else it found.
func checkDecimal(s string) error {
	if s == "" {
		return errors.New("empty; want a decimal like \"12.34\"")
	}
	body := s
	switch s[0] {
	case '-':
		body = s[1:]
	case '+':
		return errors.New("a leading '+' is not allowed; write the digits alone")
	}
	intPart, fracPart, hasPoint := strings.Cut(body, ".")
	if intPart == "" {
		if hasPoint {
			return errors.New("want a digit before the '.', like \"0.5\"")
		}
		return errors.New("want digits after the '-'")
	}
	if err := checkDigits(intPart, "amount"); err != nil {
		return err
	}
	if hasPoint {
		if fracPart == "" {
			return errors.New("want a digit after the '.'")
		}
		if strings.Contains(fracPart, ".") {
			return errors.New("more than one '.'")
		}
		if err := checkDigits(fracPart, "amount"); err != nil {
			return err
		}
	}
	return nil
}

// checkDigits accepts one or more ASCII digits; what names the part of the
// input in the error.
func checkDigits(s, what string) error {
	if s == "" {
		return fmt.Errorf("the %s has no digits", what)
	}
	for _, c := range s {
		switch {
		case '0' <= c && c <= '9':
			continue
		case c == 'e' || c == 'E':
			return errors.New("an exponent is not allowed; write all the digits, like \"0.000049\"")
		case c == 'x' || c == 'X':
			return errors.New("hexadecimal is not allowed; write decimal digits")
		case c == '/':
			return errors.New("a fraction is not allowed here")
		}
		return fmt.Errorf("unexpected %q in the %s; want digits, an optional leading '-' and one optional '.'", c, what)
	}
	return nil
}
