/** The application id: Windows AppUserModelID (set before any notification), installer appId. */
export const APP_ID = 'com.fiftyfive.mmtray';
export const PRODUCT_NAME = 'MM Tray';
