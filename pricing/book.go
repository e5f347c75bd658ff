package pricing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ackgo/ack"
)

// The items a price book prices, with the unit each price is per. An ECS
// instance type is an item of its own, named as ECS names it
// ("ecs.g6.xlarge", per node-hour).
const (
	// ItemECIVCPU is a container instance's vCPU, per vCPU-second.
	ItemECIVCPU = "eci.vcpu"
	// ItemECIMemory is a container instance's memory, per GiB-second.
	ItemECIMemory = "eci.memory"
	// ItemProFee is the ACK Pro management fee, per cluster-hour.
	ItemProFee = "ack.pro"
	// ItemCLBInternal is an internal-facing CLB's instance fee, per hour:
	// the load balancer in front of every cluster's API server.
	ItemCLBInternal = "clb.internal"
	// ItemCLBInternet is an internet-facing CLB's instance fee, per hour.
	ItemCLBInternet = "clb.internet"
	// ItemNAT is an internet NAT gateway's instance fee, per hour.
	ItemNAT = "nat"
	// ItemEIP is an elastic IP's retention fee, per hour (an EIP bound to
	// a load balancer pays it: the public API server endpoint).
	ItemEIP = "eip"
)

// AnyRegion is the region of a price that holds in every region the book
// has no price of its own for.
const AnyRegion = "*"

// ErrNoPrice is wrapped by every error about a price the book does not
// have (*MissingPriceError).
var ErrNoPrice = errors.New("no price")

// MissingPriceError reports an item the book has no price for in a region.
// A missing price is always this error, never a silent zero.
type MissingPriceError struct {
	// Item is the item, for example "ecs.g6.xlarge" or ItemNAT.
	Item string
	// Region is the region asked for.
	Region string
	// Book names the book.
	Book string
}

// Error names the item, the region and the book.
func (e *MissingPriceError) Error() string {
	return fmt.Sprintf("pricing: %s has no price for %s in region %s; add one to the book (Book.Set or its JSON)", e.Book, e.Item, e.Region)
}

// Is matches ErrNoPrice.
func (e *MissingPriceError) Is(target error) bool { return target == ErrNoPrice }

// PriceBook gives the list price of an item in a region: per hour for ECS
// instance types, management fees, load balancers, NAT gateways and EIPs,
// per second for the container instances' vCPU and memory (see the
// Item constants). An item it has no price for is an error that wraps
// ErrNoPrice, never a zero price. Every price of one book is in one
// currency.
type PriceBook interface {
	// Price returns the price of item in region.
	Price(item, region string) (ack.Money, error)
	// Currency is the currency of every price of the book.
	Currency() ack.Currency
}

// Entry is one price of a Book.
type Entry struct {
	// Item is what is priced: an ECS instance type or an Item constant.
	Item string `json:"item"`
	// Region is the region, or AnyRegion.
	Region string `json:"region"`
	// Price is the price as a decimal in the book's currency, per the
	// item's unit.
	Price string `json:"price"`
	// Source names where the price comes from.
	Source string `json:"source,omitempty"`
}

// Book is a PriceBook held in memory and read from or written to JSON, so
// that a user can override the default prices or supply a contract's.
//
// Its JSON form is
//
//	{"name": "...", "date": "2024-10-16", "currency": "CNY",
//	 "sources": ["..."], "prices": [{"item": "ecs.g6.xlarge",
//	 "region": "cn-hangzhou", "price": "1.00", "source": "..."}]}
//
// A Book is not safe for concurrent use while Set changes it; Price alone
// may be called concurrently.
type Book struct {
	name     string
	date     string
	currency ack.Currency
	sources  []string
	entries  []Entry
	prices   map[bookKey]cachedPrice
}

type bookKey struct{ item, region string }

// NewBook returns an empty book named name, dated date (the day its prices
// were seen, "2006-01-02"), of currency c.
func NewBook(name, date string, c ack.Currency) (*Book, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("price book %q: %w", name, err)
	}
	return &Book{name: name, date: date, currency: c, prices: map[bookKey]cachedPrice{}}, nil
}

// Name is the book's name.
func (b *Book) Name() string { return b.name }

// Date is the day the book's prices were seen, "2006-01-02".
func (b *Book) Date() string { return b.date }

// Sources are the book's sources, as given.
func (b *Book) Sources() []string { return slices.Clone(b.sources) }

// Currency is the currency of every price of the book.
func (b *Book) Currency() ack.Currency { return b.currency }

// Entries returns the book's prices in the order they were set (a price
// set twice keeps its first place).
func (b *Book) Entries() []Entry { return slices.Clone(b.entries) }

// Price returns the price of item in region, or the item's AnyRegion
// price when the region has none. A price the book lacks is a
// *MissingPriceError.
func (b *Book) Price(item, region string) (ack.Money, error) {
	c, err := b.cached(item, region)
	return c.m, err
}

// cached is Price with the amount's numerator and denominator.
func (b *Book) cached(item, region string) (cachedPrice, error) {
	if p, ok := b.prices[bookKey{item, region}]; ok {
		return p, nil
	}
	if p, ok := b.prices[bookKey{item, AnyRegion}]; ok {
		return p, nil
	}
	return cachedPrice{}, &MissingPriceError{Item: item, Region: region, Book: b.label()}
}

func (b *Book) label() string {
	if b.name == "" {
		return "the price book"
	}
	return "price book " + b.name
}

// Set sets the price of item in region (AnyRegion for every region without
// a price of its own) to price, from source. price must be in the book's
// currency and not negative.
func (b *Book) Set(item, region string, price ack.Money, source string) error {
	switch {
	case strings.TrimSpace(item) == "":
		return fmt.Errorf("%s: a price needs an item", b.label())
	case strings.TrimSpace(region) == "":
		return fmt.Errorf("%s: item %s: a price needs a region (or %q for every region)", b.label(), item, AnyRegion)
	case price.Currency() != b.currency:
		return fmt.Errorf("%s: item %s in %s: price %s is not in the book's currency %s: %w", b.label(), item, region, price, b.currency, ack.ErrCurrencyMismatch)
	case price.Sign() < 0:
		return fmt.Errorf("%s: item %s in %s: price %s is negative", b.label(), item, region, price)
	}
	k := bookKey{item, region}
	e := Entry{Item: item, Region: region, Price: price.Decimal(decimalPlacesOf(price)), Source: source}
	if _, ok := b.prices[k]; ok {
		i := slices.IndexFunc(b.entries, func(x Entry) bool { return x.Item == item && x.Region == region })
		b.entries[i] = e
	} else {
		b.entries = append(b.entries, e)
	}
	b.prices[k] = newCachedPrice(price)
	return nil
}

// decimalPlacesOf returns the places of a terminating amount's exact
// decimal.
func decimalPlacesOf(m ack.Money) int {
	s := m.String() // "1.50 CNY": exact for a terminating amount
	amount, _, _ := strings.Cut(s, " ")
	_, frac, _ := strings.Cut(amount, ".")
	return len(frac)
}

type bookJSON struct {
	Name     string       `json:"name"`
	Date     string       `json:"date"`
	Currency ack.Currency `json:"currency"`
	Sources  []string     `json:"sources,omitempty"`
	Prices   []Entry      `json:"prices"`
}

// MarshalJSON writes the book in the form ParseBook reads.
func (b *Book) MarshalJSON() ([]byte, error) {
	prices := b.entries
	if prices == nil {
		prices = []Entry{}
	}
	return json.Marshal(bookJSON{Name: b.name, Date: b.date, Currency: b.currency, Sources: b.sources, Prices: prices})
}

// ParseBook reads a book from its JSON form (see Book). Unknown fields are
// refused, so that a misspelt field is not silently ignored; every price
// must be a decimal string in ParseMoney's syntax, not negative; an item
// and region may appear once. The error names the entry and the rule.
func ParseBook(data []byte) (*Book, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw bookJSON
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("price book JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("price book JSON: more than one value")
	}
	b, err := NewBook(raw.Name, raw.Date, raw.Currency)
	if err != nil {
		return nil, fmt.Errorf("price book JSON: %w", err)
	}
	b.sources = raw.Sources
	for i, e := range raw.Prices {
		p, err := ack.ParseMoney(e.Price, raw.Currency)
		if err != nil {
			return nil, fmt.Errorf("price book JSON: prices[%d] (%s in %s): %w", i, e.Item, e.Region, err)
		}
		if _, dup := b.prices[bookKey{e.Item, e.Region}]; dup {
			return nil, fmt.Errorf("price book JSON: prices[%d]: %s in %s is priced twice", i, e.Item, e.Region)
		}
		if err := b.Set(e.Item, e.Region, p, e.Source); err != nil {
			return nil, fmt.Errorf("price book JSON: prices[%d]: %w", i, err)
		}
	}
	return b, nil
}
