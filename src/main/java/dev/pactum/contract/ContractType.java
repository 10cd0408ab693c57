package dev.pactum.contract;

public enum ContractType {
    SALES,
    SERVICE,
    PURCHASE,
    NDA
}
