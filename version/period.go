package version

import (
	"fmt"
	"strings"
	"time"
)

// Period is a length of calendar time, months and then days, as the
// support policy states its delays ("three months after", "one year").
// It is added with time.Time.AddDate, so 3 months after 2019-09-01 is
// 2019-12-01 whatever the months' lengths.
type Period struct {
	// Months is the number of calendar months.
	Months int
	// Days is the number of days after the months.
	Days int
}

// Months returns a Period of n months.
func Months(n int) Period { return Period{Months: n} }

// AddTo returns t plus p.
func (p Period) AddTo(t time.Time) time.Time { return t.AddDate(0, p.Months, p.Days) }

// IsZero reports whether p is no time at all.
func (p Period) IsZero() bool { return p == Period{} }

// String formats p as "3 months", "1 month 14 days" or "0 days".
func (p Period) String() string {
	unit := func(n int, one string) string {
		if n == 1 || n == -1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	var parts []string
	if p.Months != 0 {
		parts = append(parts, unit(p.Months, "month"))
	}
	if p.Days != 0 || p.Months == 0 {
		parts = append(parts, unit(p.Days, "day"))
	}
	return strings.Join(parts, " ")
}
