package com.kontor.tenancy;

public record PortalSummary(long id, long merchantId, String name) {}
