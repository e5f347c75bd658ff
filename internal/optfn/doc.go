// Package optfn applies options in the one style of every package: an
// exported options struct T changed by functions of type func(*T), passed
// as a variadic optFns ...func(*T) (ClientOptions, ListOptions,
// WaitOptions, cluster.ValidationOptions, ...). A nil function is skipped.
package optfn
