package signing
