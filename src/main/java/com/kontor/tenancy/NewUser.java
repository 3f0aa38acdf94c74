package com.kontor.tenancy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** The admin's form for a new user; the initial password must be changed at the first login. */
public class NewUser {

    @NotBlank
    @Email
    @Size(max = 254)
    private String email = "";

    @NotBlank
    @Size(max = 100)
    private String displayName = "";

    @NotEmpty(message = "{kontor.roles.required}")
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @NotNull
    @PositiveOrZero
    private BigDecimal approvalLimit = BigDecimal.ZERO;

    @NotBlank
    @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
    private String initialPassword = "";

    public String getEmail() {
        return email;
    }

    /** Surrounding whitespace is dropped before validation: a pasted address often carries some. */
    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public BigDecimal getApprovalLimit() {
        return approvalLimit;
    }

    public void setApprovalLimit(BigDecimal approvalLimit) {
        this.approvalLimit = approvalLimit;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }
}
