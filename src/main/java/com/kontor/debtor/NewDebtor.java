package com.kontor.debtor;

/** Master data of a new debtor (the API and the detail views of later issues extend it). */
public record NewDebtor(String customerId, String firstName, String lastName, String company, String city,
                        String email) {
}
