"""The pure domain: plan objects and every rule about them. No I/O, no clock, no Qt, no SQL."""
