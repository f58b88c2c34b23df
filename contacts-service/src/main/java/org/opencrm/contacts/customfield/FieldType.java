package org.opencrm.contacts.customfield;

/** What a custom field holds; its values are checked and stored accordingly. */
public enum FieldType {
    TEXT, NUMBER, DATE, SELECT, MULTI_SELECT, BOOLEAN
}
