package ack

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Headers in which the API gateway says how long a throttled caller should
// wait: comma-separated key:value pairs whose TimeLeft is in milliseconds.
const (
	headerRateLimitUserAPI = "X-Ratelimit-User-Api"
	headerRateLimitUser    = "X-Ratelimit-User"
)

// headerDelay returns the longest delay the answer's headers ask for:
// Retry-After (seconds, or an HTTP date read against now) and the TimeLeft
// of the x-ratelimit-user-api and x-ratelimit-user headers. It returns zero
// when they ask none; values it cannot read are ignored.
func headerDelay(h http.Header, now time.Time) time.Duration {
	d := parseRetryAfter(h.Get("Retry-After"), now)
	for _, name := range []string{headerRateLimitUserAPI, headerRateLimitUser} {
		for _, v := range h.Values(name) {
			d = max(d, parseTimeLeft(v))
		}
	}
	return d
}

// parseRetryAfter reads a Retry-After value: whole seconds, or an HTTP date
// (then the time from now until it). It returns zero for an empty, negative,
// past or unreadable value.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		return secondsToDuration(float64(secs))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// parseTimeLeft reads the parseTimeLeft pair (milliseconds; the key is matched without
// regard to case) of an x-ratelimit header such as
// "Limit:100,Remain:0,parseTimeLeft:1200,Reset:1767225601". It returns zero when
// the pair is missing, negative or unreadable.
func parseTimeLeft(v string) time.Duration {
	for pair := range strings.SplitSeq(v, ",") {
		key, val, ok := strings.Cut(pair, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "TimeLeft") {
			continue
		}
		ms, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil {
			return 0
		}
		return secondsToDuration(ms / 1000)
	}
	return 0
}

// secondsToDuration converts without overflow; NaN and negative values are
// zero.
func secondsToDuration(s float64) time.Duration {
	if !(s > 0) {
		return 0
	}
	if s >= float64(math.MaxInt64)/float64(time.Second) {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(s * float64(time.Second))
}
