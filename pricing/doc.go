// Package pricing will hold exact money (never float64 arithmetic), the
// price book, the billing rules of each cluster form (per-second container
// instances for serverless, the Pro management fee per cluster-hour, ECS
// nodes) and estimates that compare the forms.
//
// It is empty today: the pricing and billing work fills it.
package pricing
