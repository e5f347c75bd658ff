package fake

import "github.com/ackgo/ack/internal/wire"

// Paging of DescribeClustersV1 and DescribeClusterNodes.
const (
	defaultPageSize = 10
	maxPageSize     = wire.MaxPageSize
)

// page checks paging parameters and returns the bounds of the page in a
// list of n items. A page past the end of the list, however far, is empty,
// as a page just past it is (wire.PageBounds never overflows).
func page(number, size int64, numberKey, sizeKey string, n int) (lo, hi int, num, sz int64, e *Error) {
	if number == 0 {
		number = 1
	}
	if size == 0 {
		size = defaultPageSize
	}
	switch {
	case number < 1:
		return 0, 0, 0, 0, NewError(InvalidParameter, "%s is %d; pages are numbered from 1", numberKey, number)
	case size < 1 || size > maxPageSize:
		return 0, 0, 0, 0, NewError(InvalidParameter, "%s is %d; it must be 1 to %d", sizeKey, size, maxPageSize)
	}
	lo, hi = wire.PageBounds(number, size, n)
	return lo, hi, number, size, nil
}
