package optfn

// Apply returns the zero T changed by optFns, in order.
func Apply[T any](optFns []func(*T)) T {
	var o T
	return ApplyTo(o, optFns)
}

// ApplyTo returns o changed by optFns, in order.
func ApplyTo[T any](o T, optFns []func(*T)) T {
	for _, fn := range optFns {
		if fn != nil {
			fn(&o)
		}
	}
	return o
}
