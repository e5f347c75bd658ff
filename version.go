package ack

// Version is the SDK's version. Every request carries it in its User-Agent
// header as "ackgo/<Version>", followed by Options.UserAgent when set.
const Version = "0.1.0"

// userAgent returns the User-Agent header for an optional suffix.
func userAgent(suffix string) string {
	if suffix == "" {
		return "ackgo/" + Version
	}
	return "ackgo/" + Version + " " + suffix
}
