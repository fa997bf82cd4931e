/** No web part: signing up online is the registration plugin's form. */
export const signupWebPlugin = null;
